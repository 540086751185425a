-- Which member wrote a staff message, so colleagues see who said what. Only staff
-- endpoints return it; the resident's page keeps showing "Het WOT" (DESIGN section 4:
-- residents see roles, never names). NULL for residents' messages and older rows.
ALTER TABLE messages ADD COLUMN author_id TEXT;
