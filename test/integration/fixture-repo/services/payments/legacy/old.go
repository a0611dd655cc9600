package legacy

// Nobody owns this: its CODEOWNERS rule names no owners.
