import { dag, item, template, vars, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { numParts: '4' } });

const main = template('main', {
  dag: dag((d) => {
    const splitTask = d.task('split', split, { arguments: { parameters: { numParts: args.parameters.numParts } } });
    const mapTask = d.task('map', map, {
      arguments: {
        parameters: { partId: item },
        artifacts: { part: { s3: { key: `${vars.workflow.name}/parts/${item}.json` } } },
      },
      depends: splitTask,
      withParam: splitTask.outputs.result,
    });
    d.task('reduce', reduce, { depends: mapTask });
  }),
});

const split = template('split', { inputs: { parameters: { numParts: {} } } }, ({ inputs }) => ({
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import json
import os
import sys
os.mkdir("/mnt/out")
partIds = list(map(lambda x: str(x), range(${inputs.parameters.numParts})))
for i, partId in enumerate(partIds, start=1):
  with open("/mnt/out/" + partId + ".json", "w") as f:
    json.dump({"foo": i}, f)
json.dump(partIds, sys.stdout)
`,
  },
  outputs: {
    artifacts: { parts: { path: '/mnt/out', archive: { none: {} }, s3: { key: `${vars.workflow.name}/parts/` } } },
  },
}));

const map = template(
  'map',
  {
    inputs: { parameters: { partId: {} }, artifacts: { part: { path: '/mnt/in/part.json' } } },
  },
  ({ inputs }) => ({
    script: {
      image: 'python:alpine3.23',
      command: ['python'],
      source: `import json
import os
import sys
os.mkdir("/mnt/out")
with open("/mnt/in/part.json") as f:
  part = json.load(f)
with open("/mnt/out/part.json", "w") as f:
  json.dump({"bar": part["foo"] * 2}, f)
`,
    },
    outputs: {
      artifacts: {
        part: {
          path: '/mnt/out/part.json',
          archive: { none: {} },
          s3: { key: `${vars.workflow.name}/results/${inputs.parameters.partId}.json` },
        },
      },
    },
  }),
);

const reduce = template('reduce', {
  inputs: { artifacts: { results: { path: '/mnt/in', s3: { key: `${vars.workflow.name}/results` } } } },
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import json
import os
import sys
total = 0
os.mkdir("/mnt/out")
for f in list(map(lambda x: open("/mnt/in/" + x), os.listdir("/mnt/in"))):
  result = json.load(f)
  total = total + result["bar"]
with open("/mnt/out/total.json" , "w") as f:
  json.dump({"total": total}, f)
`,
  },
  outputs: {
    artifacts: {
      total: {
        path: '/mnt/out/total.json',
        archive: { none: {} },
        s3: { key: `${vars.workflow.name}/total.json` },
      },
    },
  },
});

export default workflow({
  metadata: {
    generateName: 'map-reduce-',
    annotations: {
      'workflows.argoproj.io/description': `This workflow demonstrates map-reduce using "key-only" artifacts.
The first task "split" produces a number of parts, each in the form of a JSON document, saving it to a bucket.
Each "map" task then reads those documents, performs a map operation, and writes them out to a new bucket.
Finally, "reduce" merges all the mapped documents into a final document.
`,
      'workflows.argoproj.io/version': '>= 3.0.0',
    },
  },
  spec: { entrypoint: main, arguments: args },
});
