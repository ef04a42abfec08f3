"""No models of its own; the module lets `migrate` send this app its post_migrate signal
(Django skips apps without one), which keeps the staff groups on the matrix (roles.py).
"""
