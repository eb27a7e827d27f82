# Undo push notifications for Skype for Business Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Deploy and Configure Mobility for Skype for Business Server"
#   (https://learn.microsoft.com/en-us/skypeforbusiness/deploy/deploy-and-configure-mobility),
#   checked 2026-12-07.
#
# Answers
#   Edge Server:               Skype for Business Server 2019 (sfb2019)
#   Pool version:              Skype for Business Server 2019 (sfb2019)
#   Mobile clients:            ios-lync2010, nokia
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=sfb2019&pool=sfb2019&clients=ios-lync2010,nokia&access-edge=accessproxy.contoso.com
#
# Verdict: These clients cannot use this pool: Skype for Business Server 2019 has no Mobility
#   Service (MCX), which Lync 2010 Mobile needs, so there is no push to configure for them.

Write-Host 'The configuration script for these answers changes nothing, so there is nothing to undo.'
