import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/dag-daemon-task.yaml. Daemon DAG tasks whose pod IP later tasks read from the task handle. */
const daemonExample = template('daemon-example', {
  dag: dag((d) => {
    const influx = d.task('influx', influxdb);
    const initDatabase = d.task('init-database', influxdbClient, {
      depends: influx,
      arguments: {
        parameters: { cmd: `curl -XPOST 'http://${influx.ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"` },
      },
    });
    const producer1 = d.task('producer-1', influxdbClient, {
      depends: initDatabase,
      arguments: {
        parameters: {
          cmd: `for i in $(seq 1 20); do curl -XPOST 'http://${influx.ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`,
        },
      },
    });
    const producer2 = d.task('producer-2', influxdbClient, {
      depends: initDatabase,
      arguments: {
        parameters: {
          cmd: `for i in $(seq 1 20); do curl -XPOST 'http://${influx.ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`,
        },
      },
    });
    const producer3 = d.task('producer-3', influxdbClient, {
      depends: initDatabase,
      arguments: {
        parameters: {
          cmd: `curl -XPOST 'http://${influx.ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`,
        },
      },
    });
    d.task('consumer', influxdbClient, {
      depends: and(producer1, producer2, producer3),
      arguments: {
        parameters: {
          cmd: `curl --silent -G http://${influx.ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`,
        },
      },
    });
  }),
});

const influxdb = template('influxdb', {
  daemon: true,
  container: {
    image: 'influxdb:1.2',
    readinessProbe: { httpGet: { path: '/ping', port: 8086 }, initialDelaySeconds: 5, timeoutSeconds: 1 },
  },
});

const influxdbClient = template('influxdb-client', { inputs: { parameters: { cmd: {} } } }, ({ inputs }) => ({
  container: { image: 'curlimages/curl:latest', command: ['sh', '-c'], args: [inputs.parameters.cmd] },
}));

export default workflow({
  metadata: { generateName: 'dag-daemon-task-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: { entrypoint: daemonExample },
});
