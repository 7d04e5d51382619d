// Command argo-lint runs Argo Workflows' own Go validation code over YAML files, offline, the
// way `argo lint --offline` does: every WorkflowTemplate and ClusterWorkflowTemplate among the
// inputs is loaded first, so templateRefs resolve against the files given and nothing else.
//
// It is a test tool of Argosy (see README.md): it never ships.
//
//	argo-lint [--format text|json] [--strict=false] PATH...   lint files and directories (exit 1 on any finding)
//	argo-lint --corpus DIR                   run the cases of ../shared/corpus/argo-validate (JSON lines)
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/argoproj/argo-workflows/v4/util/logging"
)

const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("argo-lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	strict := fs.Bool("strict", true, "reject unknown fields, as `argo lint --strict` (the default) does")
	corpus := fs.String("corpus", "", "directory of Argo's validator test cases (index.json); prints one JSON verdict per case")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	// Argo's code logs through a logger it finds in the context; only its errors matter here.
	ctx := logging.WithLogger(context.Background(), logging.NewSlogLoggerCustom(logging.Error, logging.Text, stderr))

	if *corpus != "" {
		if fs.NArg() > 0 {
			fmt.Fprintln(stderr, "argo-lint: --corpus takes no paths")
			return exitUsage
		}
		if err := runCorpus(ctx, *corpus, stdout); err != nil {
			fmt.Fprintf(stderr, "argo-lint: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if fs.NArg() == 0 || (*format != "text" && *format != "json") {
		fmt.Fprintln(stderr, "usage: argo-lint [--format text|json] PATH... | argo-lint --corpus DIR")
		return exitUsage
	}
	report, err := lintPaths(ctx, fs.Args(), *strict)
	if err != nil {
		var usage *usageError
		if errors.As(err, &usage) {
			fmt.Fprintf(stderr, "argo-lint: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "argo-lint: %v\n", err)
		return exitFindings
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return exitUsage
		}
	} else {
		for _, f := range report.Findings {
			fmt.Fprintf(stdout, "%s: %s %q: %s\n", f.File, f.Kind, f.Name, f.Message)
		}
		fmt.Fprintf(stdout, "argo-lint (argo-workflows %s): %d objects linted in %d files, %d findings\n",
			argoVersion(), report.Linted, report.Files, len(report.Findings))
	}
	if len(report.Findings) > 0 {
		return exitFindings
	}
	return exitOK
}
