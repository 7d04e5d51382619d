import { dag, template, workflowArguments, workflowTemplate } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { branch: 'master' } });

export const main = template('main', {
  dag: dag((d) => {
    const cacheRestoreTask = d.task('cache-restore', cacheRestore);
    const cloneTask = d.task('clone', clone);
    const depsTask = d.task('deps', deps, { dependencies: [cloneTask, cacheRestoreTask] });
    const buildTask = d.task('build', build, { dependencies: [depsTask] });
    d.task('test', test, { dependencies: [buildTask] });
  }),
});

export const cacheRestore = template('cache-restore', {
  inputs: {
    artifacts: {
      GOMODCACHE: {
        path: '/mnt/GOMODCACHE',
        optional: true,
        s3: { key: `github.com/golang/examples/${args.parameters.branch}/GOMODCACHE` },
      },
      GOCACHE: {
        path: '/mnt/GOCACHE',
        optional: true,
        s3: { key: `github.com/golang/examples/${args.parameters.branch}/GOCACHE` },
      },
    },
  },
  container: {
    volumeMounts: [
      { mountPath: '/go/pkg/mod', name: 'work', subPath: 'mod' },
      { mountPath: '/root/.cache/go-build', name: 'work', subPath: 'cache' },
    ],
    image: 'golang:1.18',
    workingDir: '/go/src/github.com/golang/example',
    command: ['sh', '-euxc'],
    args: [
      `mkdir -p $(go env GOMODCACHE)
[ -e /mnt/GOMODCACHE ] && cp -Rf /mnt/GOMODCACHE $(go env GOMODCACHE)
mkdir -p $(go env GOCACHE)
[ -e /mnt/GOCACHE ] &&  cp -Rf /mnt/GOCACHE $(go env GOCACHE)
`,
    ],
  },
});

export const cacheStore = template('cache-store', {
  container: {
    volumeMounts: [
      { mountPath: '/go/pkg/mod', name: 'work', subPath: 'GOMODCACHE' },
      { mountPath: '/root/.cache/go-build', name: 'work', subPath: 'GOCACHE' },
    ],
    image: 'golang:1.18',
    workingDir: '/go/src/github.com/golang/example',
  },
  outputs: {
    artifacts: {
      GOMODCACHE: {
        path: '/go/pkg/mod',
        optional: true,
        s3: { key: `github.com/golang/examples/${args.parameters.branch}/GOMODCACHE` },
      },
      GOCACHE: {
        path: '/root/.cache/go-build',
        optional: true,
        s3: { key: `github.com/golang/examples/${args.parameters.branch}/GOCACHE` },
      },
    },
  },
});

export const clone = template('clone', {
  container: {
    volumeMounts: [
      { mountPath: '/go/src/github.com/golang/example', name: 'work', subPath: 'src' },
      { mountPath: '/go/pkg/mod', name: 'work', subPath: 'GOMODCACHE' },
      { mountPath: '/root/.cache/go-build', name: 'work', subPath: 'GOCACHE' },
    ],
    image: 'golang:1.18',
    workingDir: '/go/src/github.com/golang/example',
    command: ['sh', '-euxc'],
    args: [
      `git clone -v -b "${args.parameters.branch}" --single-branch --depth 1 https://github.com/golang/example.git .
`,
    ],
  },
});

export const deps = template('deps', {
  container: {
    image: 'golang:1.18',
    volumeMounts: [
      { mountPath: '/go/src/github.com/golang/example', name: 'work', subPath: 'src' },
      { mountPath: '/go/pkg/mod', name: 'work', subPath: 'GOMODCACHE' },
      { mountPath: '/root/.cache/go-build', name: 'work', subPath: 'GOCACHE' },
    ],
    workingDir: '/go/src/github.com/golang/example',
    command: ['sh', '-xuce'],
    args: [
      `go mod download -x
`,
    ],
  },
});

export const build = template('build', {
  container: {
    image: 'golang:1.18',
    volumeMounts: [
      { mountPath: '/go/src/github.com/golang/example', name: 'work', subPath: 'src' },
      { mountPath: '/go/pkg/mod', name: 'work', subPath: 'GOMODCACHE' },
      { mountPath: '/root/.cache/go-build', name: 'work', subPath: 'GOCACHE' },
    ],
    workingDir: '/go/src/github.com/golang/example',
    command: ['sh', '-xuce'],
    args: [
      `go build ./...
`,
    ],
  },
});

export const test = template('test', {
  container: {
    image: 'golang:1.18',
    volumeMounts: [
      { mountPath: '/go/src/github.com/golang/example', name: 'work', subPath: 'src' },
      { mountPath: '/go/pkg/mod', name: 'work', subPath: 'GOMODCACHE' },
      { mountPath: '/root/.cache/go-build', name: 'work', subPath: 'GOCACHE' },
    ],
    workingDir: '/go/src/github.com/golang/example',
    command: ['sh', '-euxc'],
    args: [
      `go install github.com/jstemmer/go-junit-report@latest
go install github.com/alexec/junit2html@v0.0.2

trap 'cat test.out | go-junit-report | junit2html > test-report.html' EXIT

go test -v ./... 2>&1 > test.out
`,
    ],
  },
  outputs: {
    artifacts: {
      'test-report': {
        path: '/go/src/github.com/golang/example/test-report.html',
        archive: { none: {} },
        s3: { key: `${args.parameters.branch}/test-report.html` },
      },
    },
  },
});

export const ci = workflowTemplate({
  metadata: {
    name: 'ci',
    annotations: {
      'workflows.argoproj.io/description': `This workflows builds and tests Argo Workflows.

It demonstrates:

* Cache restore and store.
* Publishing test reports.
`,
    },
  },
  spec: {
    arguments: args,
    entrypoint: main,
    onExit: cacheStore,
    volumeClaimTemplates: [
      {
        metadata: { name: 'work' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '64Mi' } } },
      },
    ],
  },
});

export default ci;
