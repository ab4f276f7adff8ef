-- H2 has no jsonb type; a domain lets the portable schema and CAST(? AS jsonb) work on both.
CREATE DOMAIN IF NOT EXISTS jsonb AS VARCHAR;
