// The app entry `npm run bench` passes to the real CLI (`argosy synth --app bench/bench-app.ts`):
// the project of the workload in $ARGOSY_BENCH_WORKLOAD.
import { projectOf, workloadFromEnv } from './workloads.ts';

export default projectOf(workloadFromEnv());
