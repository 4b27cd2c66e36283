import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { CreatePlaceDto, ListPlacesQueryDto, mapPlace, mapPlaceRef, PlaceDetailDto, PlaceDto, UpdatePlaceDto } from 'src/places/dto/place.dto';
import { PlacesService } from 'src/places/places.service';

/** The gazetteer: readable by every signed-in user; staff who document add the organisation's places. */
@ApiTags('places')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @Authenticated()
  @ApiPageResponse(PlaceDto)
  @ApiDoc('Search the gazetteer', 'Places (North Korean provinces, counties, detention facilities and the organisation’s own) by name in Hangul or any romanisation (McCune–Reischauer, Revised, DPRK style), code, kind, facility type, parent or the place they lie within. Any signed-in user.', [400])
  async list(@Query() query: ListPlacesQueryDto): Promise<Page<PlaceDto>> {
    const page = await this.places.list(query);
    return { ...page, items: page.items.map((v) => mapPlace(v.entity, v.names, v.parent)) };
  }

  @Get(':placeId')
  @Authenticated()
  @ApiOkResponse({ type: PlaceDetailDto })
  @ApiDoc('Read a place', 'A place with all its names, its parent chain and coordinates. Any signed-in user.', [404])
  async get(@Param('placeId', ParseUUIDPipe) placeId: string): Promise<PlaceDetailDto> {
    const v = await this.places.get(placeId);
    return { ...mapPlace(v.entity, v.names, v.parent), ancestors: v.ancestors.map(mapPlaceRef), childCount: v.childCount };
  }

  @Post()
  @Roles('admin', 'analyst', 'investigator')
  @ApiCreatedResponse({ type: PlaceDto })
  @ApiDoc('Add a place', 'Adds a place of the organisation to the gazetteer (names in several systems, kind, parent, coordinates). Global admins, analysts and investigators. Audited (place.create).', [400, 409])
  async create(@Body() body: CreatePlaceDto, @CurrentUser() actor: AuthenticatedUser): Promise<PlaceDto> {
    const v = await this.places.create(body, actor);
    return mapPlace(v.entity, v.names, v.parent);
  }

  @Patch(':placeId')
  @Roles('admin', 'analyst', 'investigator')
  @ApiOkResponse({ type: PlaceDto })
  @ApiDoc('Change a place', 'Changes a place the organisation added; seeded places are fixed. Global admins, analysts and investigators; send the version you read. Audited (place.update).', [400, 404, 409])
  async update(@Param('placeId', ParseUUIDPipe) placeId: string, @Body() body: UpdatePlaceDto, @CurrentUser() actor: AuthenticatedUser): Promise<PlaceDto> {
    const v = await this.places.update(placeId, body, actor);
    return mapPlace(v.entity, v.names, v.parent);
  }
}
