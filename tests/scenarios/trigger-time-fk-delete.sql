-- expect: trigger-time
-- Purging 100 closed accounts: for each deleted row the foreign key's RI trigger checks
-- that no account_events row still references it, and account_events.account_id has no
-- index, so each check is a sequential scan of 50,000 rows. Nearly all the time is in
-- RI_ConstraintTrigger_a_*. (run.sh rolls the DELETE back after each run.)
-- query
DELETE FROM accounts
WHERE id BETWEEN 10001 AND 10100;
