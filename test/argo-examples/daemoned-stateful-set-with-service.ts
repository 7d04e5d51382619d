import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/daemoned-stateful-set-with-service.yaml. Resource templates creating a StatefulSet and Service, waiting on them, and a cleanup onExit. */
const createWaitAndTest = template('create-wait-and-test', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('create-service', createService);
      g.step('create-stateful-set', createStatefulSet);
    });
    s.step('wait-stateful-set', waitStatefulSet);
    s.step('test', test);
  }),
});

const deleteTpl = template('delete', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('delete-service', deleteService);
      g.step('delete-stateful-set', deleteStatefulSet);
    });
  }),
});

const createService = template('create-service', {
  resource: {
    action: 'create',
    manifest: `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
    - port: 80
      name: web
  clusterIP: None
  selector:
    app: nginx
`,
  },
});

const createStatefulSet = template('create-stateful-set', {
  resource: {
    action: 'create',
    manifest: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx # has to match .spec.template.metadata.labels
  serviceName: "nginx"
  template:
    metadata:
      labels:
        app: nginx # has to match .spec.selector.matchLabels
    spec:
      terminationGracePeriodSeconds: 10
      containers:
        - name: nginx
          image:  nginx:1.13
          ports:
            - containerPort: 80
              name: web
`,
  },
});

const waitStatefulSet = template('wait-stateful-set', {
  resource: {
    action: 'get',
    successCondition: 'status.readyReplicas == 1',
    manifest: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
`,
  },
});

const test = template('test', {
  container: { image: 'curlimages/curl:latest', command: ['sh', '-c'], args: ['curl nginx'] },
});

const deleteService = template('delete-service', {
  resource: {
    action: 'delete',
    flags: ['--ignore-not-found'],
    manifest: `apiVersion: v1
kind: Service
metadata:
  name: nginx
`,
  },
});

const deleteStatefulSet = template('delete-stateful-set', {
  resource: {
    action: 'delete',
    flags: ['--ignore-not-found'],
    manifest: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
`,
  },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    generateName: 'daemoned-stateful-set-with-service-',
  },
  spec: { entrypoint: createWaitAndTest, onExit: deleteTpl },
});
