import { goDurationSeconds } from '../go-duration.ts';

/** A Go duration (`"1h30m"`, `"30s"`) as a protobuf Duration in ProtoJSON (`"5400s"`). */
export function protoDuration(go: string): string {
  return `${goDurationSeconds(go)}s`;
}
