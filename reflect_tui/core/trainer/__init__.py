"""Trainer tools over content and coach (coverage); above coach in core's layers."""
