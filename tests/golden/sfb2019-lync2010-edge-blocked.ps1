# Push notifications for Skype for Business Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Deploy and Configure Mobility for Skype for Business Server"
#   (https://learn.microsoft.com/en-us/skypeforbusiness/deploy/deploy-and-configure-mobility),
#   checked 2026-12-07.
#
# Answers
#   Edge Server:               Lync Server 2010 (lync2010)
#   Pool version:              Skype for Business Server 2019 (sfb2019)
#   Mobile clients:            wp-sfb
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=lync2010&pool=sfb2019&clients=wp-sfb&access-edge=accessproxy.contoso.com
#
# Verdict: Push notifications are needed (MPNS only) but no steps are written for a Skype for
#   Business Server 2019 pool with a Lync Server 2010 Edge Server: Microsoft's 2019 migration guide
#   covers Lync Server 2013 and Skype for Business Server 2015 only.
# Check the versions you answered. Microsoft supports only Subscription Edition now, reached from
#   Skype for Business Server 2015 or 2019 (a Microsoft blog), not from Lync Server.

Write-Warning 'Push notifications are needed (MPNS only) but no steps are written for a Skype for Business Server 2019 pool with a Lync Server 2010 Edge Server: Microsoft''s 2019 migration guide covers Lync Server 2013 and Skype for Business Server 2015 only.'
Write-Host '  Skype for Business on Windows Phone: Needs push notifications, through Microsoft''s service for Windows Phone (MPNS).'
Write-Host 'Check the versions you answered. Microsoft supports only Subscription Edition now, reached from Skype for Business Server 2015 or 2019 (a Microsoft blog), not from Lync Server.'
Write-Host 'This script changed nothing.'
