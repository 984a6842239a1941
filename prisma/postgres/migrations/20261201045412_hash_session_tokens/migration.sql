-- Session tokens are now stored as SHA-256(token), base64url (lib/auth/hashed-sessions.ts), and looked up by
-- that hash. Rows written before hold the token itself: they would never match a hash again, and a copy of
-- the database would still sign their holders in. Deleting them signs everyone out once; the column keeps
-- its name and shape.
DELETE FROM "Session";
