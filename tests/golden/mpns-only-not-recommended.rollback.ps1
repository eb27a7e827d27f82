# Undo push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15)), checked 2026-12-07.
#
# Answers
#   Edge Server:               Lync Server 2013 (lync2013)
#   Pool version:              Lync Server 2013 (lync2013), assumed: not given
#   Mobile clients:            wp-lync2013, android
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=lync2013&clients=wp-lync2013,android&access-edge=accessproxy.contoso.com
#
# Verdict: Not recommended: only Windows Phone clients would get push here, through MPNS, which
#   Microsoft has deprecated and no longer supports. Configuring turns on federation for the whole
#   organisation (unless it is on already) and needs a hosting provider, for a service that may no
#   longer deliver.

Write-Host 'The configuration script for these answers changes nothing, so there is nothing to undo.'
