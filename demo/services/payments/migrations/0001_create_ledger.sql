-- Double-entry ledger. Additive changes only: see services/payments/CONTRIBUTING.md.
CREATE TABLE ledger_entries (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    debit_account   TEXT NOT NULL,
    credit_account  TEXT NOT NULL,
    amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
    currency        CHAR(3) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
