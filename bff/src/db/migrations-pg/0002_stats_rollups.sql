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
-- A booking counts on its slot's Beijing date at its center and service (and in the city's row): not cancelled,
-- completed, missed, and its rating's score. A change moves its whole contribution: off the old rows, onto the new.
CREATE FUNCTION booking_day_totals_on_booking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE booking_day_totals SET bookings = bookings - (OLD.status <> 'cancelled')::int,
      completed = completed - (OLD.status = 'completed')::int, no_shows = no_shows - (OLD.status = 'no_show')::int,
      rated_1 = rated_1 - coalesce((SELECT (score = 1)::int FROM booking_ratings WHERE booking_id = OLD.id), 0),
      rated_2 = rated_2 - coalesce((SELECT (score = 2)::int FROM booking_ratings WHERE booking_id = OLD.id), 0),
      rated_3 = rated_3 - coalesce((SELECT (score = 3)::int FROM booking_ratings WHERE booking_id = OLD.id), 0),
      rated_4 = rated_4 - coalesce((SELECT (score = 4)::int FROM booking_ratings WHERE booking_id = OLD.id), 0),
      rated_5 = rated_5 - coalesce((SELECT (score = 5)::int FROM booking_ratings WHERE booking_id = OLD.id), 0)
      WHERE center_id IN (OLD.center_id, '*') AND day = booking_beijing_day(OLD.starts_at)
        AND service_id = OLD.service_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO booking_day_totals AS t (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2,
        rated_3, rated_4, rated_5)
      SELECT k.center_id, booking_beijing_day(NEW.starts_at), NEW.service_id, (NEW.status <> 'cancelled')::int,
        (NEW.status = 'completed')::int, (NEW.status = 'no_show')::int, coalesce((r.score = 1)::int, 0),
        coalesce((r.score = 2)::int, 0), coalesce((r.score = 3)::int, 0), coalesce((r.score = 4)::int, 0),
        coalesce((r.score = 5)::int, 0)
      FROM (VALUES (NEW.center_id), ('*')) k (center_id)
      LEFT JOIN booking_ratings r ON r.booking_id = NEW.id
      ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = t.bookings + excluded.bookings,
        completed = t.completed + excluded.completed, no_shows = t.no_shows + excluded.no_shows,
        rated_1 = t.rated_1 + excluded.rated_1, rated_2 = t.rated_2 + excluded.rated_2,
        rated_3 = t.rated_3 + excluded.rated_3, rated_4 = t.rated_4 + excluded.rated_4,
        rated_5 = t.rated_5 + excluded.rated_5;
  END IF;
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
-- A rating counts on its booking's rows (found by key); a changed score or booking moves it.
CREATE FUNCTION booking_day_totals_on_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE booking_day_totals SET rated_1 = rated_1 - (OLD.score = 1)::int, rated_2 = rated_2 - (OLD.score = 2)::int,
      rated_3 = rated_3 - (OLD.score = 3)::int, rated_4 = rated_4 - (OLD.score = 4)::int,
      rated_5 = rated_5 - (OLD.score = 5)::int
      WHERE center_id IN ((SELECT b.center_id FROM bookings b WHERE b.id = OLD.booking_id), '*')
        AND (day, service_id) = (SELECT booking_beijing_day(b.starts_at), b.service_id FROM bookings b
          WHERE b.id = OLD.booking_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO booking_day_totals AS t (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2,
        rated_3, rated_4, rated_5)
      SELECT CASE k.city WHEN 1 THEN '*' ELSE b.center_id END, booking_beijing_day(b.starts_at), b.service_id, 0, 0, 0,
        (NEW.score = 1)::int, (NEW.score = 2)::int, (NEW.score = 3)::int, (NEW.score = 4)::int, (NEW.score = 5)::int
      FROM bookings b CROSS JOIN (VALUES (0), (1)) k (city)
      WHERE b.id = NEW.booking_id
      ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = t.bookings + excluded.bookings,
        completed = t.completed + excluded.completed, no_shows = t.no_shows + excluded.no_shows,
        rated_1 = t.rated_1 + excluded.rated_1, rated_2 = t.rated_2 + excluded.rated_2,
        rated_3 = t.rated_3 + excluded.rated_3, rated_4 = t.rated_4 + excluded.rated_4,
        rated_5 = t.rated_5 + excluded.rated_5;
  END IF;
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
