# Undo push notifications for Skype for Business Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Deploy and Configure Mobility for Skype for Business Server"
#   (https://learn.microsoft.com/en-us/skypeforbusiness/deploy/deploy-and-configure-mobility),
#   checked 2026-12-07.
#
# Answers
#   Edge Server:               Skype for Business Server Subscription Edition (sfbse)
#   Pool version:              Skype for Business Server Subscription Edition (sfbse)
#   Mobile clients:            ios-sfb, wp-sfb
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          Office365 (already federates with sipfed.online.lync.com)
#   Push settings:             site:Redmond
#   Share link:                #edge=sfbse&pool=sfbse&clients=ios-sfb,wp-sfb&access-edge=accessproxy.contoso.com&existing-provider=Office365&site=Redmond
#
# Verdict: Not recommended: only Windows Phone clients would get push here, through MPNS, which
#   Microsoft has deprecated and no longer supports. Configuring turns on federation for the whole
#   organisation (unless it is on already) and needs a hosting provider, for a service that may no
#   longer deliver.

Write-Host 'The configuration script for these answers changes nothing, so there is nothing to undo.'
