-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d), as
-- the bootstrap superuser. Two roles, as in production (README, "Deploying"):
--   atende_owner  owns the database and every table; runs the migrations (the `migrate` service)
--   atende_app    what web, worker and beat connect as: owns nothing, holds row grants only
--                 (given by `manage.py db_grant_app_role atende_app` after each migrate)
-- Neither is a superuser nor BYPASSRLS, so row-level security applies to both.
-- The passwords come from the container's environment; unset, psql stops here with an error.
\set ON_ERROR_STOP on
\getenv owner_password ATENDE_OWNER_PASSWORD
\getenv app_password ATENDE_APP_PASSWORD

CREATE ROLE atende_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
    PASSWORD :'owner_password';
CREATE ROLE atende_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
    PASSWORD :'app_password';
CREATE DATABASE atende OWNER atende_owner;
REVOKE ALL ON DATABASE atende FROM PUBLIC;
GRANT CONNECT ON DATABASE atende TO atende_app;
