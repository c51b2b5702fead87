"""`python -m compress` or `torchrun --nproc_per_node N -m compress --preset default --out DIR`."""

from compress.cli import main

raise SystemExit(main())
