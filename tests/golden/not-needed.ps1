# Push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15)), checked 2026-12-07.
#
# Answers
#   Edge Server:               Lync Server 2013 (lync2013)
#   Pool version:              Lync Server 2013 (lync2013), assumed: not given
#   Mobile clients:            ios-lync2013, android, nokia
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=lync2013&clients=ios-lync2013,android,nokia&access-edge=accessproxy.contoso.com
#
# Verdict: Push notifications are not needed: none of the chosen mobile clients uses them.
# Leave push notifications off (the default); nothing needs to change.

Write-Host 'Push notifications are not needed: none of the chosen mobile clients uses them.'
Write-Host '  Lync 2013 Mobile on iPhone/iPad: No push needed: Lync 2013 Mobile on Apple devices no longer uses push notifications.'
Write-Host '  Lync 2010 / 2013 Mobile on Android: No push needed: the app keeps running in the background and receives events itself.'
Write-Host '  Lync 2010 Mobile on Nokia (Symbian): No push needed: the app keeps running in the background and receives events itself.'
Write-Host 'Leave push notifications off (the default); nothing needs to change.'
Write-Host 'This script changed nothing.'
