"""Runs Ralph's LRS (the `fs` backend) on a loopback address for Motivo's round-trip test.

This is what `ralph runserver -b fs` does (it writes the same RALPH_* variables and calls uvicorn), minus
uvicorn's auto-reload, which forks a watcher process and would restart the LRS when files change.

--append works around the fs backend's single-write quirk in ralph-malph 5.1.0: its data backend writes in
`create` mode, so only the first POST per data file succeeds and every later one answers HTTP 500 ("Statements
bulk indexation failed"). With --append the same backend appends instead. The test uses the stock behaviour
first, as a real failing LRS, and the workaround for the restarted LRS.
"""

import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--append", action="store_true")
args = parser.parse_args()
if not args.host.startswith("127."):
    raise SystemExit("loopback addresses only")

if args.append:
    from ralph.backends.data import fs
    from ralph.backends.data.base import BaseOperationType

    fs.FSDataBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host=args.host, port=args.port, log_level="info")
