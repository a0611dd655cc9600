"""Server-side sessions, stored in SQLite."""
import secrets
import sqlite3
from dataclasses import dataclass


@dataclass
class Session:
    id: str
    user_id: str


class SessionStore:
    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id TEXT)")

    def create(self, user_id: str) -> Session:
        session = Session(id=secrets.token_urlsafe(32), user_id=user_id)
        self.db.execute("INSERT INTO sessions VALUES (?, ?)", (session.id, session.user_id))
        self.db.commit()
        return session
