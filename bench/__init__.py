"""Benchmarks: a generator of realistic LKjIP workbooks and the script that measures lkjip-xl on them."""
