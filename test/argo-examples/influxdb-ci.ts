import { steps, template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { repo: 'https://github.com/influxdata/influxdb.git', revision: '1.6' } });

const influxdbCi = template('influxdb-ci', {
  steps: steps((s) => {
    const checkoutStep = s.step('checkout', checkout);
    const [buildStep] = s.parallel((g) => {
      const buildStep = g.step('build', build, {
        arguments: { artifacts: { source: checkoutStep.outputs.artifacts.source } },
      });
      g.step('test-unit', testUnit, {
        arguments: { artifacts: { source: checkoutStep.outputs.artifacts.source } },
      });
      return [buildStep] as const;
    });
    s.parallel((g) => {
      g.step('test-cov', testCov, {
        arguments: { artifacts: { source: checkoutStep.outputs.artifacts.source } },
      });
      g.step('test-e2e', testE2e, {
        arguments: { artifacts: { influxd: buildStep.outputs.artifacts.influxd } },
      });
    });
  }),
});

const checkout = template('checkout', {
  inputs: {
    artifacts: {
      source: { path: '/src', git: { repo: args.parameters.repo, revision: args.parameters.revision } },
    },
  },
  outputs: { artifacts: { source: { path: '/src' } } },
  container: { image: 'golang:1.18', command: ['/bin/sh', '-c'], args: ['cd /src && git status && ls -l'] },
});

const build = template('build', {
  inputs: { artifacts: { source: { path: '/go/src/github.com/influxdata/influxdb' } } },
  outputs: { artifacts: { influxd: { path: '/go/bin' } } },
  container: {
    image: 'golang:1.18',
    command: ['/bin/sh', '-c'],
    args: [
      ' cd /go/src/github.com/influxdata/influxdb && go get github.com/golang/dep/cmd/dep && dep ensure -vendor-only && go install -v ./... ',
    ],
    resources: { requests: { memory: '1024Mi', cpu: '200m' } },
  },
});

const testUnit = template('test-unit', {
  inputs: { artifacts: { source: { path: '/go/src/github.com/influxdata/influxdb' } } },
  container: {
    image: 'golang:1.18',
    command: ['/bin/sh', '-c'],
    args: [
      ' cd /go/src/github.com/influxdata/influxdb && go get github.com/golang/dep/cmd/dep && dep ensure -vendor-only && go test -parallel=1 ./... ',
    ],
  },
});

const testCov = template('test-cov', { inputs: { artifacts: { source: {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('test-cov-query', testCovBase, {
        arguments: { parameters: { package: 'query' }, artifacts: { source: inputs.artifacts.source } },
      });
      g.step('test-cov-tsm1', testCovBase, {
        arguments: { parameters: { package: 'tsdb/engine/tsm1' }, artifacts: { source: inputs.artifacts.source } },
      });
    });
  }),
}));

const testCovBase = template(
  'test-cov-base',
  {
    inputs: {
      parameters: { package: {} },
      artifacts: { source: { path: '/go/src/github.com/influxdata/influxdb' } },
    },
  },
  ({ inputs }) => ({
    outputs: { artifacts: { covreport: { path: '/tmp/index.html' } } },
    container: {
      image: 'golang:1.18',
      command: ['/bin/sh', '-c'],
      args: [
        ` cd /go/src/github.com/influxdata/influxdb && go get github.com/golang/dep/cmd/dep && dep ensure -vendor-only && go test -v -coverprofile /tmp/cov.out ./${inputs.parameters.package} && go tool cover -html=/tmp/cov.out -o /tmp/index.html `,
      ],
      resources: { requests: { memory: '4096Mi', cpu: '200m' } },
    },
  }),
);

const testE2e = template('test-e2e', { inputs: { artifacts: { influxd: {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    const influxdbServerStep = s.step('influxdb-server', influxdbServer, {
      arguments: { artifacts: { influxd: inputs.artifacts.influxd } },
    });
    s.step('initdb', influxdbClient, {
      arguments: {
        parameters: {
          cmd: `curl -XPOST 'http://${influxdbServerStep.ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"`,
        },
      },
    });
    s.parallel((g) => {
      g.step('producer1', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `for i in $(seq 1 20); do curl -XPOST 'http://${influxdbServerStep.ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`,
          },
        },
      });
      g.step('producer2', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `for i in $(seq 1 20); do curl -XPOST 'http://${influxdbServerStep.ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`,
          },
        },
      });
      g.step('producer3', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `curl -XPOST 'http://${influxdbServerStep.ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`,
          },
        },
      });
      g.step('consumer', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `curl --silent -G http://${influxdbServerStep.ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`,
          },
        },
      });
    });
  }),
}));

const influxdbServer = template('influxdb-server', {
  inputs: { artifacts: { influxd: { path: '/app' } } },
  daemon: true,
  outputs: { artifacts: { data: { path: '/var/lib/influxdb/data' } } },
  container: {
    image: 'busybox',
    readinessProbe: { httpGet: { path: '/ping', port: 8086 }, initialDelaySeconds: 5, timeoutSeconds: 1 },
    command: ['/bin/sh', '-c'],
    args: ['chmod +x /app/influxd && /app/influxd'],
    resources: { requests: { memory: '512Mi', cpu: '250m' } },
  },
});

const influxdbClient = template('influxdb-client', { inputs: { parameters: { cmd: {} } } }, ({ inputs }) => ({
  container: {
    image: 'curlimages/curl:latest',
    command: ['/bin/sh', '-c'],
    args: [inputs.parameters.cmd],
    resources: { requests: { memory: '32Mi', cpu: '100m' } },
  },
}));

export default workflow({
  metadata: { generateName: 'influxdb-ci-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: { entrypoint: influxdbCi, arguments: args },
});
