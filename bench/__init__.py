"""Every benchmark of the project, on top of the product packages.

One module per area (:mod:`bench.intent`, :mod:`bench.alerts`, :mod:`bench.e2e`), one
machine description (:mod:`bench.machine`), one results writer (:mod:`bench.results`) and
one definition of each figure (:mod:`bench.figures`). bench imports the product's public
code (the device's own safety decision, its intent model, its alert service); no product
package imports bench (tests/bench/test_layering.py). The verbs are registered by
:mod:`bench.cli` (``eldercare bench ...``); docs/benchmarks.md explains every figure.
"""
