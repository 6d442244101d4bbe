-- The dashboard's daily roll-up of bookings (schema/stats.ts), kept by triggers as on SQLite
-- (migrations/0012_stats_rollups, whose trigger names these are): each center's rows and the city's ('*') beside
-- them, exact in the statement that changes a booking or a rating, whoever writes it. The table itself comes from
-- the generated 0000. No backfill: this runs right after 0000 created bookings and booking_ratings, still empty
-- (migrate-to-postgres copies the roll-up rows as they are, with triggers off during the copy).

-- A slot's date in Beijing (YYYY-MM-DD), as SQLite's date(starts_at, '+8 hours'): the ISO text's own offset
-- counts, and text without one is UTC (hence the fixed TimeZone, whatever the session's).
CREATE FUNCTION booking_beijing_day(starts_at text) RETURNS text LANGUAGE sql IMMUTABLE SET TimeZone = 'UTC' AS $$
  SELECT to_char((starts_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')
$$;
--> statement-breakpoint
-- One change to one roll-up row: a contribution taken off (an UPDATE: the row exists since the contribution was
-- added) or added (an upsert). The triggers below call it once per row, in one fixed order (see there).
CREATE FUNCTION booking_day_totals_apply(taken_off boolean, c record) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF taken_off THEN
    UPDATE booking_day_totals SET bookings = bookings - c.bookings, completed = completed - c.completed,
      no_shows = no_shows - c.no_shows, rated_1 = rated_1 - c.rated_1, rated_2 = rated_2 - c.rated_2,
      rated_3 = rated_3 - c.rated_3, rated_4 = rated_4 - c.rated_4, rated_5 = rated_5 - c.rated_5
      WHERE center_id = c.center_id AND day = c.day AND service_id = c.service_id;
  ELSE
    INSERT INTO booking_day_totals AS t (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2,
        rated_3, rated_4, rated_5)
      VALUES (c.center_id, c.day, c.service_id, c.bookings, c.completed, c.no_shows, c.rated_1, c.rated_2, c.rated_3,
        c.rated_4, c.rated_5)
      ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = t.bookings + excluded.bookings,
        completed = t.completed + excluded.completed, no_shows = t.no_shows + excluded.no_shows,
        rated_1 = t.rated_1 + excluded.rated_1, rated_2 = t.rated_2 + excluded.rated_2,
        rated_3 = t.rated_3 + excluded.rated_3, rated_4 = t.rated_4 + excluded.rated_4,
        rated_5 = t.rated_5 + excluded.rated_5;
  END IF;
END;
$$;
--> statement-breakpoint
-- A booking counts on its slot's Beijing date at its center and service (and in the city's row): not cancelled,
-- completed, missed, and its rating's score. A change moves its whole contribution: off the old rows, onto the new.
-- Every row is changed by a statement of its own, all in one order shared by every trigger here (day, service,
-- the center's row before the city's, taking off before adding): concurrent transactions then queue on the rows
-- instead of each holding one that the other waits for (a deadlock, as one statement touching the center's and
-- the city's rows together gave: an UPDATE locks them in index order, an INSERT … ON CONFLICT in VALUES order).
CREATE FUNCTION booking_day_totals_on_booking() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  -- OLD is null on INSERT and NEW on DELETE: their halves below give no rows.
  FOR c IN
    SELECT * FROM (
      SELECT true AS taken_off, k.center_id, booking_beijing_day(OLD.starts_at) AS day, OLD.service_id AS service_id,
        (OLD.status <> 'cancelled')::int AS bookings, (OLD.status = 'completed')::int AS completed,
        (OLD.status = 'no_show')::int AS no_shows, coalesce((r.score = 1)::int, 0) AS rated_1,
        coalesce((r.score = 2)::int, 0) AS rated_2, coalesce((r.score = 3)::int, 0) AS rated_3,
        coalesce((r.score = 4)::int, 0) AS rated_4, coalesce((r.score = 5)::int, 0) AS rated_5
      FROM (VALUES (OLD.center_id), ('*')) k (center_id) LEFT JOIN booking_ratings r ON r.booking_id = OLD.id
      WHERE TG_OP IN ('UPDATE', 'DELETE')
      UNION ALL
      SELECT false, k.center_id, booking_beijing_day(NEW.starts_at), NEW.service_id, (NEW.status <> 'cancelled')::int,
        (NEW.status = 'completed')::int, (NEW.status = 'no_show')::int, coalesce((r.score = 1)::int, 0),
        coalesce((r.score = 2)::int, 0), coalesce((r.score = 3)::int, 0), coalesce((r.score = 4)::int, 0),
        coalesce((r.score = 5)::int, 0)
      FROM (VALUES (NEW.center_id), ('*')) k (center_id) LEFT JOIN booking_ratings r ON r.booking_id = NEW.id
      WHERE TG_OP IN ('INSERT', 'UPDATE')
    ) changes
    ORDER BY day COLLATE "C", service_id COLLATE "C", center_id = '*', center_id COLLATE "C", taken_off DESC
  LOOP
    PERFORM booking_day_totals_apply(c.taken_off, c);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER booking_day_totals_booking_insert AFTER INSERT ON bookings FOR EACH ROW
  EXECUTE FUNCTION booking_day_totals_on_booking();
--> statement-breakpoint
-- Cancelling, checking in, completing, marking missed and rescheduling (time, center) move the booking.
CREATE TRIGGER booking_day_totals_booking_update AFTER UPDATE OF status, starts_at, center_id, service_id ON bookings
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.center_id IS DISTINCT FROM NEW.center_id
    OR OLD.service_id IS DISTINCT FROM NEW.service_id
    OR booking_beijing_day(OLD.starts_at) IS DISTINCT FROM booking_beijing_day(NEW.starts_at))
  EXECUTE FUNCTION booking_day_totals_on_booking();
--> statement-breakpoint
CREATE TRIGGER booking_day_totals_booking_delete AFTER DELETE ON bookings FOR EACH ROW
  EXECUTE FUNCTION booking_day_totals_on_booking();
--> statement-breakpoint
-- A rating counts on its booking's rows (found by key); a changed score or booking moves it. The rows are changed
-- one at a time in the same order as by the booking trigger above.
CREATE FUNCTION booking_day_totals_on_rating() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT * FROM (
      SELECT true AS taken_off, CASE k.city WHEN 1 THEN '*' ELSE b.center_id END AS center_id,
        booking_beijing_day(b.starts_at) AS day, b.service_id, 0 AS bookings, 0 AS completed, 0 AS no_shows,
        (OLD.score = 1)::int AS rated_1, (OLD.score = 2)::int AS rated_2, (OLD.score = 3)::int AS rated_3,
        (OLD.score = 4)::int AS rated_4, (OLD.score = 5)::int AS rated_5
      FROM bookings b CROSS JOIN (VALUES (0), (1)) k (city)
      WHERE TG_OP IN ('UPDATE', 'DELETE') AND b.id = OLD.booking_id
      UNION ALL
      SELECT false, CASE k.city WHEN 1 THEN '*' ELSE b.center_id END, booking_beijing_day(b.starts_at), b.service_id,
        0, 0, 0, (NEW.score = 1)::int, (NEW.score = 2)::int, (NEW.score = 3)::int, (NEW.score = 4)::int,
        (NEW.score = 5)::int
      FROM bookings b CROSS JOIN (VALUES (0), (1)) k (city)
      WHERE TG_OP IN ('INSERT', 'UPDATE') AND b.id = NEW.booking_id
    ) changes
    ORDER BY day COLLATE "C", service_id COLLATE "C", center_id = '*', center_id COLLATE "C", taken_off DESC
  LOOP
    PERFORM booking_day_totals_apply(c.taken_off, c);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER booking_day_totals_rating_insert AFTER INSERT ON booking_ratings FOR EACH ROW
  EXECUTE FUNCTION booking_day_totals_on_rating();
--> statement-breakpoint
CREATE TRIGGER booking_day_totals_rating_update AFTER UPDATE OF score, booking_id ON booking_ratings FOR EACH ROW
  WHEN (OLD.score IS DISTINCT FROM NEW.score OR OLD.booking_id IS DISTINCT FROM NEW.booking_id)
  EXECUTE FUNCTION booking_day_totals_on_rating();
--> statement-breakpoint
CREATE TRIGGER booking_day_totals_rating_delete AFTER DELETE ON booking_ratings FOR EACH ROW
  EXECUTE FUNCTION booking_day_totals_on_rating();
