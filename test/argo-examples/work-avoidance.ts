import { item, steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/work-avoidance.yaml. Skipping work whose marker artifacts already exist, with an onExit saving them. */
const main = template('main', {
  steps: steps((s) => {
    s.step('load-markers', loadMarkers);
    s.step('echo', echo, { arguments: { parameters: { num: item } }, withSequence: { count: '3' } });
  }),
});

const loadMarkers = template('load-markers', {
  inputs: {
    artifacts: {
      markers: {
        path: '/work/markers',
        optional: true,
        s3: {
          key: 'work-avoidance-markers',
          bucket: 'my-bucket',
          endpoint: 'minio:9000',
          insecure: true,
          accessKeySecret: { name: 'my-minio-cred', key: 'accesskey' },
          secretKeySecret: { name: 'my-minio-cred', key: 'secretkey' },
        },
      },
    },
  },
  container: {
    image: 'busybox',
    command: ['mkdir', '-p', '/work/markers'],
    volumeMounts: [{ name: 'work', mountPath: '/work' }],
  },
});

const echo = template('echo', { inputs: { parameters: { num: {} } } }, ({ inputs }) => ({
  script: {
    image: 'busybox',
    command: ['sh', '-eux'],
    source: `marker=/work/markers/$(date +%Y-%m-%d)-echo-${inputs.parameters.num}
if [ -e  \${marker} ]; then
  echo "work already done"
  exit 0
fi
echo "working very hard"
# toss a virtual coin and exit 1 if 1
if [ $(($(($RANDOM%10))%2)) -eq 1 ]; then
  echo "oh no!"
  exit 1
fi
touch \${marker}
`,
    volumeMounts: [{ name: 'work', mountPath: '/work' }],
  },
}));

const saveMarkers = template('save-markers', {
  container: { image: 'busybox', command: ['true'], volumeMounts: [{ name: 'work', mountPath: '/work' }] },
  outputs: {
    artifacts: {
      markers: {
        path: '/work/markers',
        s3: {
          key: 'work-avoidance-markers',
          bucket: 'my-bucket',
          endpoint: 'minio:9000',
          insecure: true,
          accessKeySecret: { name: 'my-minio-cred', key: 'accesskey' },
          secretKeySecret: { name: 'my-minio-cred', key: 'secretkey' },
        },
      },
    },
  },
});

export default workflow({
  metadata: { generateName: 'work-avoidance-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: {
    entrypoint: main,
    volumeClaimTemplates: [
      {
        metadata: { name: 'work' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Mi' } } },
      },
    ],
    onExit: saveMarkers,
  },
});
