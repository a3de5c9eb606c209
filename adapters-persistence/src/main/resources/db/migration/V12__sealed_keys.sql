-- Server keys sealed under the master key (the digest pepper). Opening them at start proves the
-- configured master key is the right one; rotating the master key reseals them.
CREATE TABLE sealed_keys (
    name       VARCHAR(40)  PRIMARY KEY,
    sealed     VARCHAR(400) NOT NULL
);
