-- Monitor mode: a scope's step-up is OFF, MONITOR or ENFORCE. Existing rules keep their meaning
-- (protected -> ENFORCE, not -> OFF). is_protected stays and is still written (true unless OFF),
-- so a node of the previous version in a rolling upgrade enforces a monitored scope: it fails
-- closed. A row such a node writes has no enforcement; it is read from is_protected.
ALTER TABLE protected_actions ADD COLUMN enforcement VARCHAR(8);

UPDATE protected_actions SET enforcement = CASE WHEN is_protected THEN 'ENFORCE' ELSE 'OFF' END;
