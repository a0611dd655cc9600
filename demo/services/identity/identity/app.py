"""HTTP entry point. Routes are thin; the logic lives in tokens.py and sessions.py."""
from http.server import BaseHTTPRequestHandler, HTTPServer

from identity.sessions import SessionStore
from identity.tokens import issue_token

SESSIONS = SessionStore(path="var/sessions.db")
KEY_FILE = "services/identity/keys/signing.pem"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (name required by BaseHTTPRequestHandler)
        if self.path == "/v1/sessions":
            session = SESSIONS.create(user_id=self.headers["X-User"])
            token = issue_token(session.user_id, key_path=KEY_FILE)
            self.send_response(201)
            self.end_headers()
            self.wfile.write(token.encode())
        else:
            self.send_error(404)


if __name__ == "__main__":
    HTTPServer(("", 8082), Handler).serve_forever()
