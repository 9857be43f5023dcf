-- A named lock of the session: held until released or until the connection ends (a killed process frees it).
SELECT GET_LOCK('leadfeeder-sync', 0)
