package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/validate"
	"sigs.k8s.io/yaml"
)

type corpusIndex struct {
	Entries []struct {
		File              string   `json:"file"`
		Role              string   `json:"role"`
		UnmarshalledAs    string   `json:"unmarshalledAs"`
		RequiresTemplates []string `json:"requiresTemplates"`
		Expectations      []struct {
			Validator string `json:"validator"`
			Opts      string `json:"opts"`
		} `json:"expectations"`
	} `json:"entries"`
}

// verdict is Argo's answer for one case: error is empty when the object is valid.
type verdict struct {
	File  string `json:"file"`
	Opts  string `json:"opts"`
	Error string `json:"error"`
}

// runCorpus validates each subject of Argo's own validator tests (extracted to index.json) the
// way its test does: unmarshalled (not strictly) as the test's kind, with the WorkflowTemplates
// the test created first, under the test's options.
func runCorpus(ctx context.Context, dir string, out io.Writer) error {
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return err
	}
	var index corpusIndex
	if err := json.Unmarshal(data, &index); err != nil {
		return fmt.Errorf("%s/index.json: %w", dir, err)
	}
	enc := json.NewEncoder(out)
	for _, e := range index.Entries {
		if e.Role != "subject" {
			continue
		}
		store := newTemplateStore()
		for _, f := range e.RequiresTemplates {
			var t wfv1.WorkflowTemplate
			if err := readYAML(dir, f, &t); err != nil {
				return err
			}
			t.Namespace = "default"
			if err := store.add(&t); err != nil {
				return err
			}
		}
		for _, x := range e.Expectations {
			opts := validate.ValidateOpts{
				Lint:   strings.Contains(x.Opts, "Lint: true"),
				Submit: strings.Contains(x.Opts, "Submit: true"),
			}
			err := validateAs(ctx, dir, e.File, e.UnmarshalledAs, store, opts)
			v := verdict{File: e.File, Opts: x.Opts}
			if err != nil {
				v.Error = err.Error()
			}
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
	}
	return nil
}

func readYAML(dir, file string, into any) error {
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

func validateAs(ctx context.Context, dir, file, kind string, store *templateStore, opts validate.ValidateOpts) (err error) {
	// A panic inside the validator is a verdict too (the Go test would crash), not a tool failure.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	ns := store.namespaced("default")
	switch kind {
	case "Workflow":
		var wf wfv1.Workflow
		if err := readYAML(dir, file, &wf); err != nil {
			return err
		}
		return validate.ValidateWorkflow(ctx, ns, store, &wf, nil, opts)
	case "WorkflowTemplate":
		var t wfv1.WorkflowTemplate
		if err := readYAML(dir, file, &t); err != nil {
			return err
		}
		return validate.ValidateWorkflowTemplate(ctx, ns, store, &t, nil, opts)
	case "ClusterWorkflowTemplate":
		var t wfv1.ClusterWorkflowTemplate
		if err := readYAML(dir, file, &t); err != nil {
			return err
		}
		return validate.ValidateClusterWorkflowTemplate(ctx, ns, store, &t, nil, opts)
	case "CronWorkflow":
		var c wfv1.CronWorkflow
		if err := readYAML(dir, file, &c); err != nil {
			return err
		}
		return validate.ValidateCronWorkflow(ctx, ns, store, &c, nil)
	}
	return fmt.Errorf("%s: unsupported kind %q", file, kind)
}
