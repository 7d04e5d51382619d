import { workflowEventBinding } from '../../dsl/argo/index.ts';
import { githubPathFilter } from './workflow-event-binding--github-path-filter-workflowtemplate.ts';

/** Upstream examples/workflow-event-binding/github-path-filter-workfloweventbinding.yaml. A WorkflowEventBinding with an expression selector over a webhook payload. */
export default workflowEventBinding({
  metadata: { name: 'github-path-filter' },
  spec: {
    event: {
      selector: `metadata["x-github-event"] == ["push"]

// The discriminator is the last subpath of URL path
&& discriminator == "github-path-filter"

// for each of these file paths
&& any([ "subpath/A/", "subpath/B/" ], {
    let prefix = #;

    // loop over every commit
    any(payload.commits ?? [], {
      let commit = #;

      // loop over each file action in the commit
      any(["added", "removed", "modified"], {
        let file_action = #;

        // Loop over each of the files in the file action
        any(commit[file_action] ?? [], {
          let filepath = #;

          // return true if the given file is in our subpath
          hasPrefix(filepath, prefix)
        })
      })
    })
  })
`,
    },
    submit: {
      workflowTemplateRef: githubPathFilter,
      arguments: {
        parameters: {
          files: {
            valueFrom: {
              event: `// Use the reduce function to collect all files affeccted by commits in this push
reduce(
  payload.commits ?? [],
  {
    let commit = #;
    concat(#acc, commit["added"], commit["removed"], commit["modified"])
  },
  []
)
`,
            },
          },
        },
      },
    },
  },
});
