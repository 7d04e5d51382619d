import { steps, template, workflow } from '../../dsl/argo/index.ts';

const daemonExample = template('daemon-example', {
  steps: steps((s) => {
    const influx = s.step('influx', influxdb);
    s.step('init-database', influxdbClient, {
      arguments: {
        parameters: { cmd: `curl -XPOST 'http://${influx.ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"` },
      },
    });
    s.parallel((g) => {
      g.step('producer-1', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `for i in $(seq 1 10); do curl -XPOST 'http://${influx.ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`,
          },
        },
      });
      g.step('producer-2', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `for i in $(seq 1 10); do curl -XPOST 'http://${influx.ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`,
          },
        },
      });
      g.step('producer-3', influxdbClient, {
        arguments: {
          parameters: {
            cmd: `curl -XPOST 'http://${influx.ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`,
          },
        },
      });
    });
    s.step('consumer', influxdbClient, {
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
  metadata: { generateName: 'daemon-step-' },
  spec: { entrypoint: daemonExample },
});
