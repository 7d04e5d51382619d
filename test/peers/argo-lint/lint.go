package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/common"
	"github.com/argoproj/argo-workflows/v4/workflow/validate"
)

// Finding is one object Argo's validator rejected.
type Finding struct {
	File    string `json:"file"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Message string `json:"message"`
}

// Report is what one run found.
type Report struct {
	Files    int       `json:"files"`
	Linted   int       `json:"linted"`
	Findings []Finding `json:"findings"`
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

type parsed struct {
	file string
	obj  any
	err  error
}

// manifestFiles lists the YAML and JSON files of the inputs, as `argo lint` walks them.
func manifestFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, &usageError{fmt.Sprintf("%s: no such file or directory", p)}
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch filepath.Ext(path) {
			case ".yaml", ".yml", ".json":
				if !d.IsDir() {
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// lintPaths parses every file (strictly by default: unknown fields are errors, as `argo lint
// --strict`), registers the templates, then validates each Argo object with Opts{Lint: true}.
func lintPaths(ctx context.Context, paths []string, strict bool) (*Report, error) {
	files, err := manifestFiles(paths)
	if err != nil {
		return nil, err
	}
	store := newTemplateStore()
	var objects []parsed
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for _, pr := range common.ParseObjects(ctx, data, strict) {
			if pr.Object == nil && pr.Err == nil {
				continue // not a Kubernetes object of a kind Argo knows
			}
			objects = append(objects, parsed{file: file, obj: pr.Object, err: pr.Err})
			if pr.Err == nil {
				if err := store.add(pr.Object); err != nil {
					return nil, fmt.Errorf("%s: %w", file, err)
				}
			}
		}
	}
	report := &Report{Files: len(files), Findings: []Finding{}}
	for _, o := range objects {
		kind, name, err := lintObject(ctx, store, o)
		if kind == "" {
			continue
		}
		report.Linted++
		if err != nil {
			report.Findings = append(report.Findings, Finding{File: o.file, Kind: kind, Name: name, Message: err.Error()})
		}
	}
	return report, nil
}

func nameOf(name, generateName string) string {
	if name != "" {
		return name
	}
	return generateName
}

// lintObject mirrors the offline service clients of the argo CLI (pkg/apiclient/offline-*.go).
func lintObject(ctx context.Context, store *templateStore, o parsed) (kind, name string, err error) {
	switch v := o.obj.(type) {
	case *wfv1.Workflow:
		kind, name = "Workflow", nameOf(v.Name, v.GenerateName)
		if o.err == nil {
			o.err = validate.ValidateWorkflow(ctx, store.namespaced(v.Namespace), store, v, nil, validate.ValidateOpts{Lint: true})
		}
	case *wfv1.WorkflowTemplate:
		kind, name = "WorkflowTemplate", nameOf(v.Name, v.GenerateName)
		if o.err == nil {
			o.err = validate.ValidateWorkflowTemplate(ctx, store.namespaced(v.Namespace), store, v, nil, validate.ValidateOpts{Lint: true})
		}
	case *wfv1.ClusterWorkflowTemplate:
		kind, name = "ClusterWorkflowTemplate", nameOf(v.Name, v.GenerateName)
		if o.err == nil {
			o.err = validate.ValidateClusterWorkflowTemplate(ctx, nil, store, v, nil, validate.ValidateOpts{Lint: true})
		}
	case *wfv1.CronWorkflow:
		kind, name = "CronWorkflow", nameOf(v.Name, v.GenerateName)
		if o.err == nil {
			o.err = validate.ValidateCronWorkflow(ctx, store.namespaced(v.Namespace), store, v, nil)
		}
	default:
		return "", "", nil
	}
	return kind, name, o.err
}

// argoVersion is the argo-workflows module version this binary was built with.
func argoVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/argoproj/argo-workflows/v4" {
				return dep.Version
			}
		}
	}
	return "(unknown)"
}
