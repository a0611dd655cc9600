"""Signed access tokens. Changes here need @acme/security review (see CONTRIBUTING.md)."""
import time

import jwt

TOKEN_LIFETIME_SECONDS = 15 * 60


def issue_token(user_id: str, key_path: str) -> str:
    with open(key_path, encoding="utf-8") as key:
        now = int(time.time())
        claims = {"sub": user_id, "iat": now, "exp": now + TOKEN_LIFETIME_SECONDS}
        return jwt.encode(claims, key.read(), algorithm="RS256")


def verify_token(token: str, public_key: str) -> dict:
    # Never log the token itself, only whether it verified.
    return jwt.decode(token, public_key, algorithms=["RS256"])
