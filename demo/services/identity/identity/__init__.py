"""Acme identity service: tokens and sessions for every other service."""
