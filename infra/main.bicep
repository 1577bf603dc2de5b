// Reintegration on Azure: the function app on Flex Consumption (.NET 10 isolated worker), its Table Storage,
// the identity it works under, its secret and its telemetry. Deploy with `azd up`, or
// `az deployment group create -g <group> -f infra/main.bicep -p namePrefix=<prefix> adminKey=<key> signingKey=<base64 key>` and a zip deploy.
targetScope = 'resourceGroup'

@description('Starts every resource name: letters, digits and hyphens, 3 to 11 characters (azd passes the environment name).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@secure()
@minLength(32)
@description('The API\'s admin key (Reintegration:AdminKey), kept in Key Vault.')
param adminKey string

@secure()
@minLength(44)
@description('The app\'s signing key (Reintegration:SigningKey): base64 of at least 32 random bytes, kept in Key Vault. It seals continuation tokens and derives hired people\'s one-way tokens.')
param signingKey string

@description('NCRONTAB schedule (with seconds, UTC) of the weekly digest: Reintegration:DigestSchedule.')
param digestSchedule string = '0 0 6 * * 1'

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var compactPrefix = toLower(replace(namePrefix, '-', ''))
var suffix = uniqueString(resourceGroup().id, namePrefix)
var deploymentContainerName = 'app-package'
var tags = { 'azd-env-name': namePrefix }

// Built-in role definitions.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
  tags: tags
}

// The tables of the app, the Functions host's own blobs (timer schedule status, leases), the deployment package and the index snapshots.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${compactPrefix}${suffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The opening index's snapshots (Reintegration:IndexSnapshot): a new instance loads the newest instead of scanning the
// Openings table. The app would create it on first use; declared here so that it exists, private, from the start.
resource snapshotContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'opening-index'
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${compactPrefix}kv${suffix}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'admin-key'
  properties: {
    value: adminKey
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'signing-key'
  properties: {
    value: signingKey
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-${suffix}'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The Functions host's own storage, reached with the identity (no account key exists to use).
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // The identity DefaultAzureCredential uses for Table Storage.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Reintegration__Storage', value: storage.properties.primaryEndpoints.table }
        // The index snapshots' Blob service, with the same identity (Storage Blob Data Owner on the account).
        { name: 'Reintegration__IndexSnapshot__Storage', value: storage.properties.primaryEndpoints.blob }
        { name: 'Reintegration__DigestSchedule', value: digestSchedule }
        { name: 'Reintegration__AdminKey', value: '@Microsoft.KeyVault(SecretUri=${adminKeySecret.properties.secretUri})' }
        { name: 'Reintegration__SigningKey', value: '@Microsoft.KeyVault(SecretUri=${signingKeySecret.properties.secretUri})' }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    tableService
    tableDataContributor
    blobDataOwner
    secretsUser
  ]
}

@description('The API\'s base URL: GET <apiBaseUrl>/health answers {"status":"ok","storage":"ok"}.')
output apiBaseUrl string = 'https://${app.properties.defaultHostName}/api'

@description('The function app, for `az functionapp deployment` and the portal.')
output functionAppName string = app.name

@description('The storage account whose Table service holds the data.')
output storageAccountName string = storage.name
