"""The shared inference core: the only package that imports torch, transformers or captum."""
