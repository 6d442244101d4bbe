-- The roll-up triggers of 0002 run at commit instead of at each statement: a booking takes its turn on its
-- center's and the city's row for the day (locked until commit) only while committing, so that bookings of one day
-- and service at different centers no longer wait for each other's whole transaction (notifications, reminders,
-- idempotency records are written after the booking). The functions and the one order they change rows in stay
-- as they are. A deferred trigger sees the row as the statement left it (OLD, NEW) and the other tables as the
-- transaction leaves them: a rating's booking is read at commit (its day, center and service never change once it
-- is completed, and the application deletes neither bookings nor ratings).
DROP TRIGGER booking_day_totals_booking_insert ON bookings;
--> statement-breakpoint
DROP TRIGGER booking_day_totals_booking_update ON bookings;
--> statement-breakpoint
DROP TRIGGER booking_day_totals_booking_delete ON bookings;
--> statement-breakpoint
DROP TRIGGER booking_day_totals_rating_insert ON booking_ratings;
--> statement-breakpoint
DROP TRIGGER booking_day_totals_rating_update ON booking_ratings;
--> statement-breakpoint
DROP TRIGGER booking_day_totals_rating_delete ON booking_ratings;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER booking_day_totals_booking_insert AFTER INSERT ON bookings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION booking_day_totals_on_booking();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER booking_day_totals_booking_update AFTER UPDATE OF status, starts_at, center_id, service_id
  ON bookings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.center_id IS DISTINCT FROM NEW.center_id
    OR OLD.service_id IS DISTINCT FROM NEW.service_id
    OR booking_beijing_day(OLD.starts_at) IS DISTINCT FROM booking_beijing_day(NEW.starts_at))
  EXECUTE FUNCTION booking_day_totals_on_booking();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER booking_day_totals_booking_delete AFTER DELETE ON bookings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION booking_day_totals_on_booking();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER booking_day_totals_rating_insert AFTER INSERT ON booking_ratings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION booking_day_totals_on_rating();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER booking_day_totals_rating_update AFTER UPDATE OF score, booking_id ON booking_ratings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.score IS DISTINCT FROM NEW.score OR OLD.booking_id IS DISTINCT FROM NEW.booking_id)
  EXECUTE FUNCTION booking_day_totals_on_rating();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER booking_day_totals_rating_delete AFTER DELETE ON booking_ratings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION booking_day_totals_on_rating();
