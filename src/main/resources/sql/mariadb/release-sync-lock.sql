SELECT RELEASE_LOCK('leadfeeder-sync')
