-- The dashboard's daily roll-up of bookings (schema/stats.ts), each center's rows and the city's ('*') beside
-- them. Written by hand below the generated part: the table is WITHOUT ROWID, so a period's rows are read in key
-- order from the table itself; triggers keep it exact in the statement that changes a booking or a rating,
-- whoever writes it; the backfill counts the bookings already there.
CREATE TABLE `booking_day_totals` (
	`day` text NOT NULL,
	`center_id` text NOT NULL,
	`service_id` text NOT NULL,
	`bookings` integer DEFAULT 0 NOT NULL,
	`completed` integer DEFAULT 0 NOT NULL,
	`no_shows` integer DEFAULT 0 NOT NULL,
	`rated_1` integer DEFAULT 0 NOT NULL,
	`rated_2` integer DEFAULT 0 NOT NULL,
	`rated_3` integer DEFAULT 0 NOT NULL,
	`rated_4` integer DEFAULT 0 NOT NULL,
	`rated_5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`center_id`, `day`, `service_id`),
	CONSTRAINT "booking_day_totals_never_negative" CHECK("booking_day_totals"."bookings" >= 0 AND "booking_day_totals"."completed" >= 0 AND "booking_day_totals"."no_shows" >= 0 AND "booking_day_totals"."rated_1" >= 0 AND "booking_day_totals"."rated_2" >= 0 AND "booking_day_totals"."rated_3" >= 0 AND "booking_day_totals"."rated_4" >= 0 AND "booking_day_totals"."rated_5" >= 0)
) WITHOUT ROWID;
--> statement-breakpoint
-- The first response in working minutes is written by the application with the first answer (working hours and
-- holidays are not SQL's to know): threads answered before stay NULL, and the dashboard measures those itself.
ALTER TABLE `threads` ADD `first_response_minutes` real;--> statement-breakpoint
CREATE INDEX `threads_response_center_idx` ON `threads` (`center_id`,`created_at`,`first_response_minutes`,`first_response_at`,`sla_breaches`);--> statement-breakpoint
CREATE INDEX `threads_response_created_idx` ON `threads` (`created_at`,`first_response_minutes`,`first_response_at`,`sla_breaches`);
--> statement-breakpoint
-- A booking counts on its slot's Beijing date at its center and service (and in the city's row): not cancelled,
-- completed, missed, and its rating's score. A change moves its whole contribution: off the old rows, onto the new.
CREATE TRIGGER `booking_day_totals_booking_insert` AFTER INSERT ON `bookings` BEGIN
  INSERT INTO booking_day_totals (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3, rated_4, rated_5)
    SELECT k.center_id, date(NEW.starts_at, '+8 hours'), NEW.service_id, NEW.status <> 'cancelled', NEW.status = 'completed',
      NEW.status = 'no_show', coalesce(r.score = 1, 0), coalesce(r.score = 2, 0), coalesce(r.score = 3, 0),
      coalesce(r.score = 4, 0), coalesce(r.score = 5, 0)
    FROM (SELECT NEW.center_id AS center_id UNION ALL SELECT '*') k
    LEFT JOIN booking_ratings r ON r.booking_id = NEW.id WHERE true
    ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = bookings + excluded.bookings,
      completed = completed + excluded.completed, no_shows = no_shows + excluded.no_shows,
      rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3,
      rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;
--> statement-breakpoint
-- Cancelling, checking in, completing, marking missed and rescheduling (time, center) move the booking.
CREATE TRIGGER `booking_day_totals_booking_update` AFTER UPDATE OF status, starts_at, center_id, service_id ON `bookings`
WHEN OLD.status IS NOT NEW.status OR OLD.center_id IS NOT NEW.center_id OR OLD.service_id IS NOT NEW.service_id
  OR date(OLD.starts_at, '+8 hours') IS NOT date(NEW.starts_at, '+8 hours')
BEGIN
  UPDATE booking_day_totals SET bookings = bookings - (OLD.status <> 'cancelled'),
    completed = completed - (OLD.status = 'completed'), no_shows = no_shows - (OLD.status = 'no_show'),
    rated_1 = rated_1 - coalesce((SELECT score = 1 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_2 = rated_2 - coalesce((SELECT score = 2 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_3 = rated_3 - coalesce((SELECT score = 3 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_4 = rated_4 - coalesce((SELECT score = 4 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_5 = rated_5 - coalesce((SELECT score = 5 FROM booking_ratings WHERE booking_id = OLD.id), 0)
    WHERE center_id IN (OLD.center_id, '*') AND day = date(OLD.starts_at, '+8 hours') AND service_id = OLD.service_id;
  INSERT INTO booking_day_totals (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3, rated_4, rated_5)
    SELECT k.center_id, date(NEW.starts_at, '+8 hours'), NEW.service_id, NEW.status <> 'cancelled', NEW.status = 'completed',
      NEW.status = 'no_show', coalesce(r.score = 1, 0), coalesce(r.score = 2, 0), coalesce(r.score = 3, 0),
      coalesce(r.score = 4, 0), coalesce(r.score = 5, 0)
    FROM (SELECT NEW.center_id AS center_id UNION ALL SELECT '*') k
    LEFT JOIN booking_ratings r ON r.booking_id = NEW.id WHERE true
    ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = bookings + excluded.bookings,
      completed = completed + excluded.completed, no_shows = no_shows + excluded.no_shows,
      rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3,
      rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;
--> statement-breakpoint
CREATE TRIGGER `booking_day_totals_booking_delete` AFTER DELETE ON `bookings` BEGIN
  UPDATE booking_day_totals SET bookings = bookings - (OLD.status <> 'cancelled'),
    completed = completed - (OLD.status = 'completed'), no_shows = no_shows - (OLD.status = 'no_show'),
    rated_1 = rated_1 - coalesce((SELECT score = 1 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_2 = rated_2 - coalesce((SELECT score = 2 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_3 = rated_3 - coalesce((SELECT score = 3 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_4 = rated_4 - coalesce((SELECT score = 4 FROM booking_ratings WHERE booking_id = OLD.id), 0),
    rated_5 = rated_5 - coalesce((SELECT score = 5 FROM booking_ratings WHERE booking_id = OLD.id), 0)
    WHERE center_id IN (OLD.center_id, '*') AND day = date(OLD.starts_at, '+8 hours') AND service_id = OLD.service_id;
END;
--> statement-breakpoint
-- A rating counts on its booking's rows (found by key); a changed score or booking moves it.
CREATE TRIGGER `booking_day_totals_rating_insert` AFTER INSERT ON `booking_ratings` BEGIN
  INSERT INTO booking_day_totals (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3, rated_4, rated_5)
    SELECT CASE k.city WHEN 1 THEN '*' ELSE b.center_id END, date(b.starts_at, '+8 hours'), b.service_id, 0, 0, 0,
      NEW.score = 1, NEW.score = 2, NEW.score = 3, NEW.score = 4, NEW.score = 5
    FROM bookings b JOIN (SELECT 0 AS city UNION ALL SELECT 1) k WHERE b.id = NEW.booking_id
    ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = bookings + excluded.bookings,
      completed = completed + excluded.completed, no_shows = no_shows + excluded.no_shows,
      rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3,
      rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;
--> statement-breakpoint
CREATE TRIGGER `booking_day_totals_rating_update` AFTER UPDATE OF score, booking_id ON `booking_ratings`
WHEN OLD.score IS NOT NEW.score OR OLD.booking_id IS NOT NEW.booking_id
BEGIN
  UPDATE booking_day_totals SET rated_1 = rated_1 - (OLD.score = 1), rated_2 = rated_2 - (OLD.score = 2),
    rated_3 = rated_3 - (OLD.score = 3), rated_4 = rated_4 - (OLD.score = 4), rated_5 = rated_5 - (OLD.score = 5)
    WHERE center_id IN ((SELECT center_id FROM bookings WHERE id = OLD.booking_id), '*')
      AND (day, service_id) = (SELECT date(starts_at, '+8 hours'), service_id FROM bookings WHERE id = OLD.booking_id);
  INSERT INTO booking_day_totals (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3, rated_4, rated_5)
    SELECT CASE k.city WHEN 1 THEN '*' ELSE b.center_id END, date(b.starts_at, '+8 hours'), b.service_id, 0, 0, 0,
      NEW.score = 1, NEW.score = 2, NEW.score = 3, NEW.score = 4, NEW.score = 5
    FROM bookings b JOIN (SELECT 0 AS city UNION ALL SELECT 1) k WHERE b.id = NEW.booking_id
    ON CONFLICT (center_id, day, service_id) DO UPDATE SET bookings = bookings + excluded.bookings,
      completed = completed + excluded.completed, no_shows = no_shows + excluded.no_shows,
      rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3,
      rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;
--> statement-breakpoint
CREATE TRIGGER `booking_day_totals_rating_delete` AFTER DELETE ON `booking_ratings` BEGIN
  UPDATE booking_day_totals SET rated_1 = rated_1 - (OLD.score = 1), rated_2 = rated_2 - (OLD.score = 2),
    rated_3 = rated_3 - (OLD.score = 3), rated_4 = rated_4 - (OLD.score = 4), rated_5 = rated_5 - (OLD.score = 5)
    WHERE center_id IN ((SELECT center_id FROM bookings WHERE id = OLD.booking_id), '*')
      AND (day, service_id) = (SELECT date(starts_at, '+8 hours'), service_id FROM bookings WHERE id = OLD.booking_id);
END;
--> statement-breakpoint
-- Backfill: the bookings and ratings written before this migration, counted once per center and once for the city.
INSERT INTO booking_day_totals (center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3,
    rated_4, rated_5)
  SELECT CASE k.city WHEN 1 THEN '*' ELSE b.center_id END, date(b.starts_at, '+8 hours'), b.service_id,
    sum(b.status <> 'cancelled'), sum(b.status = 'completed'), sum(b.status = 'no_show'), sum(coalesce(r.score = 1, 0)),
    sum(coalesce(r.score = 2, 0)), sum(coalesce(r.score = 3, 0)), sum(coalesce(r.score = 4, 0)),
    sum(coalesce(r.score = 5, 0))
  FROM bookings b LEFT JOIN booking_ratings r ON r.booking_id = b.id JOIN (SELECT 0 AS city UNION ALL SELECT 1) k
  GROUP BY 1, 2, 3;