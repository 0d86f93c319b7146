"""One module per component; each defines register(env) to add its macros."""
