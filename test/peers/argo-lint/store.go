package main

import (
	"context"
	"fmt"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/templateresolution"
)

// templateStore holds the templates of the inputs, as the argo CLI's offline client does: a
// templateRef resolves only against files given on the command line.
type templateStore struct {
	cluster    map[string]*wfv1.ClusterWorkflowTemplate
	namespaces map[string]map[string]*wfv1.WorkflowTemplate
}

func newTemplateStore() *templateStore {
	return &templateStore{
		cluster:    map[string]*wfv1.ClusterWorkflowTemplate{},
		namespaces: map[string]map[string]*wfv1.WorkflowTemplate{},
	}
}

func (s *templateStore) add(obj any) error {
	switch v := obj.(type) {
	case *wfv1.ClusterWorkflowTemplate:
		if _, dup := s.cluster[v.Name]; dup {
			return fmt.Errorf("duplicate ClusterWorkflowTemplate found: %q", v.Name)
		}
		s.cluster[v.Name] = v
	case *wfv1.WorkflowTemplate:
		ns := s.namespaces[v.Namespace]
		if ns == nil {
			ns = map[string]*wfv1.WorkflowTemplate{}
			s.namespaces[v.Namespace] = ns
		}
		if _, dup := ns[v.Name]; dup {
			return fmt.Errorf("duplicate WorkflowTemplate found: %q", v.Name)
		}
		ns[v.Name] = v
	}
	return nil
}

// Get resolves a ClusterWorkflowTemplate (templateresolution.ClusterWorkflowTemplateGetter).
func (s *templateStore) Get(_ context.Context, name string) (*wfv1.ClusterWorkflowTemplate, error) {
	if v, ok := s.cluster[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("couldn't find cluster workflow template %q", name)
}

type namespacedGetter struct {
	namespace string
	templates map[string]*wfv1.WorkflowTemplate
}

func (g namespacedGetter) Get(_ context.Context, name string) (*wfv1.WorkflowTemplate, error) {
	if v, ok := g.templates[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("couldn't find workflow template %q in namespace %q", name, g.namespace)
}

func (s *templateStore) namespaced(namespace string) templateresolution.WorkflowTemplateNamespacedGetter {
	return namespacedGetter{namespace: namespace, templates: s.namespaces[namespace]}
}
