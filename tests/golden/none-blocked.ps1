# Push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15)), checked 2026-12-07.
#
# Answers
#   Edge Server:               No Edge Server (none)
#   Pool version:              Lync Server 2013 (lync2013), assumed: not given
#   Mobile clients:            wp-lync2013, nokia
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=none&clients=wp-lync2013,nokia&access-edge=accessproxy.contoso.com
#
# Verdict: Push notifications are needed (MPNS only) but cannot be configured: they reach
#   push.lync.com only through an Edge Server, and this deployment has none.
# No supported path is documented: every Edge Server documented with a Lync Server pool is out of
#   support, and Subscription Edition is reached from Skype for Business Server 2015 or 2019 (a
#   Microsoft blog), not from Lync Server.

Write-Warning 'Push notifications are needed (MPNS only) but cannot be configured: they reach push.lync.com only through an Edge Server, and this deployment has none.'
Write-Host '  Lync 2013 Mobile on Windows Phone: Needs push notifications, through Microsoft''s service for Windows Phone (MPNS).'
Write-Host '  Lync 2010 Mobile on Nokia (Symbian): No push needed: the app keeps running in the background and receives events itself.'
Write-Host 'No supported path is documented: every Edge Server documented with a Lync Server pool is out of support, and Subscription Edition is reached from Skype for Business Server 2015 or 2019 (a Microsoft blog), not from Lync Server.'
Write-Host 'This script changed nothing.'
