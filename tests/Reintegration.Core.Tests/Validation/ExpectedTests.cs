using Reintegration.Domain;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

/// <summary>The words for a value that could not be read: one per kind of field, nullable or not.</summary>
public sealed class ExpectedTests
{
    public static TheoryData<Type, string?> Types => new()
    {
        { typeof(DateOnly), Expected.Date },
        { typeof(DateOnly?), Expected.Date },
        { typeof(DateTimeOffset), Expected.Instant },
        { typeof(DateTime), Expected.Instant },
        { typeof(DateTime?), Expected.Instant },
        { typeof(int), Expected.WholeNumber },
        { typeof(long), Expected.WholeNumber },
        { typeof(short), Expected.WholeNumber },
        { typeof(int?), Expected.WholeNumber },
        { typeof(decimal), Expected.Number },
        { typeof(double), Expected.Number },
        { typeof(float), Expected.Number },
        { typeof(double?), Expected.Number },
        { typeof(bool), Expected.Boolean },
        { typeof(bool?), Expected.Boolean },
        { typeof(string), Expected.Text },
        { typeof(PersonStatus), "Expected one of: returningMigrant, refugee." },
        { typeof(PersonStatus?), "Expected one of: returningMigrant, refugee." },
        { typeof(Guid), null },
        { typeof(byte), null },
        { typeof(Profile), null },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void For_EachKindOfField_GivesItsWords(Type type, string? expected) => Assert.Equal(expected, Expected.For(type));

    [Fact]
    public void OneOf_Enum_NamesEveryValueInCamelCase_InDeclarationOrder() =>
        Assert.Equal("Expected one of: returningMigrant, refugee.", Expected.OneOf<PersonStatus>());

    [Theory]
    [InlineData(50, "Unknown property 'pppppppppppppppppppppppppppppppppppppppppppppppppp': it is not part of the contract.")]
    [InlineData(51, "Unknown property 'pppppppppppppppppppppppppppppppppppppppppppppppppp…': it is not part of the contract.")]
    public void UnknownProperty_IsEchoedWhole_UpTo50Characters(int length, string expected) =>
        Assert.Equal(expected, Expected.UnknownProperty(new string('p', length)));
}
