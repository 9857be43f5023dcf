-- A named lock of the session: held until released or until the connection ends (a killed process frees it).
-- Its name is this warehouse (the database), so syncs into other databases of the server never wait for it.
SELECT GET_LOCK(CONCAT('${lock}:', DATABASE()), 0)
