# Push notifications for Lync Server mobility
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
# Leave push off. To configure it anyway, choose "Configure MPNS anyway" (command line:
#   --configure-retired-mpns).
#
# Status in 2026:
# - Microsoft has deprecated the Microsoft Push Notification Service (MPNS) and no longer supports
#   it: do not count on push notifications reaching Windows Phone. (Source: Send an MPNS native
#   notification - Notification Hubs REST API,
#   https://learn.microsoft.com/en-us/rest/api/notificationhubs/send-mpns-native-notification)

Write-Host 'Not recommended: only Windows Phone clients would get push here, through MPNS, which Microsoft has deprecated and no longer supports. Configuring turns on federation for the whole organisation (unless it is on already) and needs a hosting provider, for a service that may no longer deliver.'
Write-Host '  Lync 2013 Mobile on Windows Phone: Needs push notifications, through Microsoft''s service for Windows Phone (MPNS).'
Write-Host '  Lync 2010 / 2013 Mobile on Android: No push needed: the app keeps running in the background and receives events itself.'
Write-Host 'Leave push off. To configure it anyway, choose "Configure MPNS anyway" (command line: --configure-retired-mpns).'
Write-Host 'This script changed nothing.'
