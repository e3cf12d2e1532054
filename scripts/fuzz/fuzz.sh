#!/usr/bin/env bash
# `npm run fuzz`: the API fuzz test (proxy/api-docs/api-fuzz.int.test.ts) with many more cases than
# `npm test` runs, against the real mail stack (`npm run mail:start` first). The seed is printed;
# `FUZZ_SEED=<seed> npm run fuzz` replays a failure, FUZZ_ONLY='/api/mailboxes' narrows it to the
# operations whose "METHOD /path" contains the text, FUZZ_RUNS sets the cases per operation.
set -euo pipefail
cd "$(dirname "$0")/../.."
export FUZZ_RUNS="${FUZZ_RUNS:-100}"
export FUZZ_SEED="${FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ' | awk '{ print $1 % 2147483647 }')}"
echo "API fuzz: seed ${FUZZ_SEED}, ${FUZZ_RUNS} cases per operation"
echo "          replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npm run fuzz"
exec npx vitest run --project integration proxy/api-docs/api-fuzz.int.test.ts "$@"
