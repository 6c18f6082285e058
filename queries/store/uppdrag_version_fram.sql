-- Move every uppdrag's version forward by $steg (after a restore), so versions never go back.
-- Parameters: $steg (integer, above every version in use before the restore).
update uppdrag
set version = version + $steg
