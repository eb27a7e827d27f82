# Undo push notifications for Lync Server mobility
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

Write-Host 'The configuration script for these answers changes nothing, so there is nothing to undo.'
